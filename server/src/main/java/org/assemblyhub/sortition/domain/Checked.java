package org.assemblyhub.sortition.domain;

import java.util.List;
import java.util.function.Function;

/** Input either read whole or refused with every problem found: nothing is ever half-imported. */
public sealed interface Checked<T> {
    record Valid<T>(T value) implements Checked<T> {}

    record Invalid<T>(List<InputProblem> problems) implements Checked<T> {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    static <T> Checked<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Checked<T> invalid(List<InputProblem> problems) {
        return new Invalid<>(problems);
    }

    default <U> Checked<U> map(Function<T, U> f) {
        if (this instanceof Valid<T> v) return new Valid<>(f.apply(v.value()));
        return new Invalid<>(problems());
    }

    default List<InputProblem> problems() {
        return this instanceof Invalid<T> i ? i.problems() : List.of();
    }

    default T orThrow() {
        if (this instanceof Valid<T> v) return v.value();
        throw new IllegalStateException("invalid input: " + problems());
    }
}
