Desde tu último resumen:

<#list lines?split("\n") as line>
- ${line}
</#list>

--
Tu resumen de ${brand.name}, según tu configuración de notificaciones.
<#if unsubscribeUrl?? && unsubscribeUrl?has_content>Dejar de recibir estos resúmenes: ${unsubscribeUrl}
</#if>
