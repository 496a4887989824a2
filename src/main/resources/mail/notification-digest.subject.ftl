${count} new <#if count == "1">notification<#else>notifications</#if> in ${brand.name}
