package ai.kinora.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The content policy every prompt passes before any model loads: prompts that ask for violence and
 * gore, sexual content, self-harm or hate are refused with a message naming the category and the
 * words. It is a list of whole words and phrases ({@code content-policy.txt} beside this class),
 * not a classifier: it catches what a prompt says outright, and never a word that merely contains a
 * listed one ("grape", "therapist").
 */
public final class ContentPolicy {

  /** Where the policy is explained, for messages. */
  public static final String DOCS = "docs/provenance.md#content-policy";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

  private static final ContentPolicy DEFAULT = load();

  private final Map<String, List<List<String>>> categories; // category -> terms as word lists

  ContentPolicy(Map<String, List<List<String>>> categories) {
    this.categories = categories;
  }

  /** Kinora's policy. */
  public static ContentPolicy standard() {
    return DEFAULT;
  }

  /**
   * What a prompt names against the policy.
   *
   * @param category the category, e.g. "violence and gore"
   * @param terms the listed terms found, in the prompt's order of categories' lists
   */
  public record Violation(String category, List<String> terms) {}

  /** Thrown for a refused prompt; its message names the categories and words. */
  public static final class Refusal extends IllegalArgumentException {
    private final transient List<Violation> violations;

    Refusal(List<Violation> violations) {
      super(message(violations));
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /** Every category the prompt names, with the words; empty when it is allowed. */
  public List<Violation> violations(String prompt) {
    List<String> words = words(prompt);
    List<Violation> found = new ArrayList<>();
    for (Map.Entry<String, List<List<String>>> c : categories.entrySet()) {
      Set<String> hits = new LinkedHashSet<>();
      for (List<String> term : c.getValue()) {
        if (contains(words, term)) {
          hits.add(String.join(" ", term));
        }
      }
      if (!hits.isEmpty()) {
        found.add(new Violation(c.getKey(), List.copyOf(hits)));
      }
    }
    return found;
  }

  /**
   * Refuses a prompt the policy does not allow.
   *
   * @throws Refusal naming each category and its words
   */
  public void check(String prompt) {
    List<Violation> found = violations(prompt);
    if (!found.isEmpty()) {
      throw new Refusal(found);
    }
  }

  /** The categories, in the order of the policy file. */
  public List<String> categories() {
    return List.copyOf(categories.keySet());
  }

  static String message(List<Violation> violations) {
    List<String> parts = new ArrayList<>();
    for (Violation v : violations) {
      parts.add(v.category() + " (\"" + String.join("\", \"", v.terms()) + "\")");
    }
    return "the prompt asks for "
        + String.join(" and ", parts)
        + ", which Kinora's content policy does not allow ("
        + DOCS
        + ")";
  }

  /** Lower-case words; hyphens and other punctuation separate words, apostrophes stay inside. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  private static boolean contains(List<String> words, List<String> term) {
    for (int i = 0; i + term.size() <= words.size(); i++) {
      if (words.subList(i, i + term.size()).equals(term)) {
        return true;
      }
    }
    return false;
  }

  /** Parses the policy text: "category: term, term" per line, # comments. */
  static ContentPolicy parse(String text) {
    Map<String, List<List<String>>> categories = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "content policy line " + lineNumber + ": expected \"category: term, term\"");
      }
      List<List<String>> terms = new ArrayList<>();
      for (String term : trimmed.substring(colon + 1).split(",")) {
        List<String> words = words(term);
        if (words.isEmpty()) {
          throw new IllegalArgumentException("content policy line " + lineNumber + ": empty term");
        }
        terms.add(words);
      }
      categories.put(trimmed.substring(0, colon).strip(), List.copyOf(terms));
    }
    return new ContentPolicy(categories);
  }

  private static ContentPolicy load() {
    try (InputStream in = ContentPolicy.class.getResourceAsStream("content-policy.txt")) {
      if (in == null) {
        throw new IllegalStateException("content-policy.txt is missing from Kinora's classes");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("content-policy.txt could not be read", e);
    }
  }
}
