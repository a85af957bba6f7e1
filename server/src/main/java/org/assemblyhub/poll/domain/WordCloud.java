package org.assemblyhub.poll.domain;

import java.text.Normalizer;
import java.util.*;

/**
 * Short open answers folded into counted words: lower case, accents kept but letters compared in NFC form, words of
 * one or two letters and common French and English function words left out, each word counted once per answer.
 */
public final class WordCloud {
    public record Word(String word, int count) {}

    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "was", "our", "has", "have", "with",
            "this", "that", "they", "them", "their", "from", "more", "less", "what", "when", "who", "will", "would",
            "should", "could", "there", "here", "into", "its", "it's", "about", "than", "then", "also", "very", "les",
            "des", "une", "est", "pas", "pour", "par", "sur", "dans", "avec", "que", "qui", "aux", "son", "ses", "mais",
            "plus", "moins", "nous", "vous", "ils", "elles", "leur", "leurs", "cette", "ces", "sont", "ont", "être",
            "avoir", "fait", "faire", "tout", "tous", "toutes", "comme", "aussi", "très", "bien", "entre");

    private WordCloud() {}

    public static List<Word> of(List<String> answers, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (String answer : answers) {
            String text = Normalizer.normalize(answer, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            Set<String> seen = new HashSet<>();
            for (String word : text.split("[^\\p{L}\\p{N}'’-]+")) {
                String w = word.replaceAll("^['’-]+|['’-]+$", "");
                if (w.length() > 2 && !STOP.contains(w) && seen.add(w)) counts.merge(w, 1, Integer::sum);
            }
        }
        List<Word> words = new ArrayList<>();
        counts.forEach((w, c) -> words.add(new Word(w, c)));
        words.sort(Comparator.comparingInt(Word::count).reversed().thenComparing(Word::word));
        return words.size() > limit ? words.subList(0, limit) : words;
    }
}
