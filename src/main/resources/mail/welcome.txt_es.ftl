Hola, ${name}:

Ya eres miembro de ${brand.name}<#if roles?has_content> con el rol ${roles}</#if>.
<#if signInUrl?? && signInUrl?has_content>

Iniciar sesión: ${signInUrl}
</#if>

Nos vemos pronto,
${brand.name}
