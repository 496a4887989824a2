${count} <#if count == "1">notificación nueva<#else>notificaciones nuevas</#if> en ${brand.name}
