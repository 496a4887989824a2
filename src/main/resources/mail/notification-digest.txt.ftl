Since your last digest:

<#list lines?split("\n") as line>
- ${line}
</#list>

--
Your ${cadence} digest of ${brand.name}, as your notification settings ask.
<#if unsubscribeUrl?? && unsubscribeUrl?has_content>Stop these digests: ${unsubscribeUrl}
</#if>
