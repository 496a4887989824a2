package dev.atrium.stack.stripe;

/** What a page answers: HTML with a status, or a redirect (303 after a form, 302 to follow a link elsewhere). */
record PageAnswer(int status, String html, String location) {

    static PageAnswer html(int status, String html) {
        return new PageAnswer(status, html, null);
    }

    static PageAnswer ok(String title, String body) {
        return html(200, Html.page(title, body));
    }

    static PageAnswer afterForm(String location) {
        return new PageAnswer(303, null, location);
    }

    static PageAnswer elsewhere(String location) {
        return new PageAnswer(302, null, location);
    }

    static PageAnswer notFound(String what) {
        return html(404, Html.page("Not found", "<h1>Not found</h1><p>" + Html.escape(what) + "</p>"));
    }
}
