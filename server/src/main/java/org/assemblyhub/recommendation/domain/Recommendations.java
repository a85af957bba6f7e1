package org.assemblyhub.recommendation.domain;

import java.io.Serializable;

/** The recommendations capability's state: the drafts with their versions, and the ballots held on them. */
public final class Recommendations implements Serializable {
    public final Drafts drafts = new Drafts();
    public final BallotBox ballots = new BallotBox();
}
