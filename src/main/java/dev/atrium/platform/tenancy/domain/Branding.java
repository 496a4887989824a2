package dev.atrium.platform.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a white-label frontend and the tenant's login page need to look like the tenant. Every part is optional; a
 * frontend falls back to the platform's look for what is missing. Values are checked at the API boundary.
 */
@Embeddable
public class Branding {

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "logo_url")
    private String logoUrl;

    @Column(name = "primary_color")
    private String primaryColor;

    @Column(name = "accent_color")
    private String accentColor;

    @Column(name = "favicon_url")
    private String faviconUrl;

    @Column(name = "locale")
    private String locale;

    @Column(name = "support_email")
    private String supportEmail;

    protected Branding() {}

    public Branding(
            String displayName,
            String logoUrl,
            String primaryColor,
            String accentColor,
            String faviconUrl,
            String locale,
            String supportEmail) {
        this.displayName = displayName;
        this.logoUrl = logoUrl;
        this.primaryColor = primaryColor;
        this.accentColor = accentColor;
        this.faviconUrl = faviconUrl;
        this.locale = locale;
        this.supportEmail = supportEmail;
    }

    public static Branding none() {
        return new Branding(null, null, null, null, null, null, null);
    }

    public String displayName() {
        return displayName;
    }

    public String logoUrl() {
        return logoUrl;
    }

    public String primaryColor() {
        return primaryColor;
    }

    public String accentColor() {
        return accentColor;
    }

    public String faviconUrl() {
        return faviconUrl;
    }

    public String locale() {
        return locale;
    }

    public String supportEmail() {
        return supportEmail;
    }

    boolean sameAs(Branding other) {
        return java.util.Objects.equals(displayName, other.displayName)
                && java.util.Objects.equals(logoUrl, other.logoUrl)
                && java.util.Objects.equals(primaryColor, other.primaryColor)
                && java.util.Objects.equals(accentColor, other.accentColor)
                && java.util.Objects.equals(faviconUrl, other.faviconUrl)
                && java.util.Objects.equals(locale, other.locale)
                && java.util.Objects.equals(supportEmail, other.supportEmail);
    }
}
