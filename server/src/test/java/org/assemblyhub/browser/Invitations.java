package org.assemblyhub.browser;

import com.microsoft.playwright.Page;

/**
 * Opening an invitation link as a person does: the link shows who it is for, and the person presses the button that
 * signs this browser in and lands on the assembly (the GET alone changes nothing: no login CSRF).
 */
final class Invitations {
    private Invitations() {}

    /** Opens {@code link} ({@code http://…/join/<token>}), presses the page's button and waits for the assembly. */
    static Page accept(Page page, String link) {
        page.navigate(link);
        page.locator("[data-testid=join-continue]").click();
        page.waitForURL(url -> url.contains("/a/"));
        return page;
    }

    static Page accept(Page page, String hubUrl, String token) {
        return accept(page, hubUrl + "/join/" + token);
    }
}
