${text}
<#if openUrl?? && openUrl?has_content>

Open: ${openUrl}
</#if>

--
You receive this because of your notification settings in ${brand.name}.
<#if unsubscribeUrl?? && unsubscribeUrl?has_content>Stop these e-mails: ${unsubscribeUrl}
</#if>
