package org.assemblyhub.kernel.plug;

import org.assemblyhub.kernel.DomainCommand;
import org.assemblyhub.support.PlainText;

import java.util.function.Function;

/** Text that others will read is plain text: a command carrying markup is refused with a reason, never altered. */
public final class PlainWire {
    private PlainWire() {}

    public static Decoded plain(String text, Function<String, DomainCommand> command) {
        return PlainText.hasMarkup(text) ? markup() : Decoded.ok(command.apply(text));
    }

    /** The command, unless one of the texts (strings, or iterables of strings) carries markup. */
    public static Decoded checked(DomainCommand command, Object... texts) {
        for (Object t : texts) {
            if (t instanceof String s && PlainText.hasMarkup(s)) return markup();
            if (t instanceof Iterable<?> many) {
                for (Object o : many) if (o instanceof String s && PlainText.hasMarkup(s)) return markup();
            }
        }
        return Decoded.ok(command);
    }

    public static Decoded markup() {
        return Decoded.failed("markup-not-allowed", "Write plain text: tags and other markup (<…>) are not accepted.");
    }
}
