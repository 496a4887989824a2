${text}
<#if openUrl?? && openUrl?has_content>

Abrir: ${openUrl}
</#if>

--
Recibes esto por tu configuración de notificaciones en ${brand.name}.
<#if unsubscribeUrl?? && unsubscribeUrl?has_content>Dejar de recibir estos correos: ${unsubscribeUrl}
</#if>
