package org.assemblyhub.kernel;

/** A fact after which the person's open sessions end at once (their invitation was revoked or replaced). */
public interface EndsSessions {
    String personId();
}
