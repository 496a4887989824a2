Hello ${name},

You are now a member of ${brand.name}<#if roles?has_content> as ${roles}</#if>.
<#if signInUrl?? && signInUrl?has_content>

Sign in: ${signInUrl}
</#if>

See you there,
${brand.name}
