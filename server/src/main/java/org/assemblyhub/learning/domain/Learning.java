package org.assemblyhub.learning.domain;

import java.io.Serializable;

/** The learning capability's state slice: materials, progress and answers, questions to experts. */
public final class Learning implements Serializable {
    public final Library library = new Library();
    public final Progress progress = new Progress();
    public final Questions questions = new Questions();

    public void evolve(LearningEvent event) {
        library.evolve(event);
        progress.evolve(event);
        questions.evolve(event);
    }
}
