package ai.kinora.text;

import ai.kinora.nn.AtomicFiles;
import ai.kinora.world.CaptionStyle;
import ai.kinora.world.Captioner;
import ai.kinora.world.PromptParser;
import ai.kinora.world.Scene;
import ai.kinora.world.SceneSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A word-level tokenizer whose vocabulary is Kinora World's: every word the prompt parser knows
 * (synonyms included) and every word of its captions, plus digits and punctuation. Text is
 * lower-cased; words are runs of letters (with inner apostrophes, "doesn't"); every digit and every
 * other visible character is a token of its own, so any number is representable. A word outside the
 * vocabulary becomes {@link #UNK} and is reported. Every encoding starts with {@link #START}, so
 * the empty prompt is one learned token: the null prompt of classifier-free guidance.
 */
public final class Tokenizer {

  public static final String PAD = "<pad>";
  public static final String UNK = "<unk>";
  public static final String START = "<start>";
  public static final int PAD_ID = 0;
  public static final int UNK_ID = 1;
  public static final int START_ID = 2;

  private static final String PUNCTUATION = ".,;:!?'\"-()&/";
  private static final int CAPTION_SCENES = 2000;

  /** A prompt's token ids (start token first), the words mapped to UNK, and whether it was cut. */
  public record Tokens(int[] ids, List<String> unknown, boolean truncated) {
    public Tokens {
      ids = ids.clone();
      unknown = List.copyOf(unknown);
    }
  }

  private final List<String> vocabulary;
  private final Map<String, Integer> ids = new HashMap<>();

  /** A tokenizer over {@code vocabulary}, which must start with PAD, UNK and START. */
  public Tokenizer(List<String> vocabulary) {
    this.vocabulary = List.copyOf(vocabulary);
    if (this.vocabulary.size() < 3
        || !this.vocabulary.subList(0, 3).equals(List.of(PAD, UNK, START))) {
      throw new IllegalArgumentException(
          "a vocabulary starts with " + PAD + ", " + UNK + ", " + START);
    }
    for (int i = 0; i < this.vocabulary.size(); i++) {
      String token = this.vocabulary.get(i);
      if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("bad vocabulary entry at line " + (i + 1));
      }
      if (ids.put(token, i) != null) {
        throw new IllegalArgumentException("duplicate vocabulary entry \"" + token + "\"");
      }
    }
  }

  /**
   * Kinora World's vocabulary: the parser's words and the words of the captions (all styles) of a
   * fixed sample of scenes; deterministic.
   */
  public static Tokenizer fromWorld() {
    SortedSet<String> words = new TreeSet<>(PromptParser.vocabulary());
    SceneSampler sampler = new SceneSampler(SceneSampler.Settings.defaults(), 0);
    for (int i = 0; i < CAPTION_SCENES; i++) {
      Scene scene = sampler.nextScene();
      for (CaptionStyle style : CaptionStyle.values()) {
        words.addAll(split(Captioner.caption(scene, style)));
      }
    }
    for (char c = '0'; c <= '9'; c++) {
      words.add(String.valueOf(c));
    }
    for (char c : PUNCTUATION.toCharArray()) {
      words.add(String.valueOf(c));
    }
    List<String> vocabulary = new ArrayList<>(List.of(PAD, UNK, START));
    vocabulary.addAll(words);
    return new Tokenizer(vocabulary);
  }

  /**
   * Kinora World's vocabulary and every word of {@code captions} (a dataset's own captions), so
   * that a model trained on users' data knows their words; deterministic for the same captions.
   */
  public static Tokenizer fromWorldAnd(Collection<String> captions) {
    Tokenizer world = fromWorld();
    SortedSet<String> words = new TreeSet<>();
    for (String caption : captions) {
      for (String w : split(caption)) {
        if (!world.ids.containsKey(w)) {
          words.add(w);
        }
      }
    }
    List<String> vocabulary = new ArrayList<>(world.vocabulary);
    vocabulary.addAll(words);
    return new Tokenizer(vocabulary);
  }

  /** Reads a vocabulary file written by {@link #save}: one token per line, id = line - 1. */
  public static Tokenizer load(Path file) throws IOException {
    return new Tokenizer(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** Writes the vocabulary, one token per line, atomically (it ships beside the weights). */
  public void save(Path file) throws IOException {
    AtomicFiles.writeLines(file, vocabulary);
  }

  public int size() {
    return vocabulary.size();
  }

  public List<String> vocabulary() {
    return vocabulary;
  }

  /** The START token then the text's tokens, at most {@code maxLength} ids in all. */
  public Tokens encode(String text, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("max length must be >= 1, got " + maxLength);
    }
    List<String> pieces = split(text);
    List<String> unknown = new ArrayList<>();
    int length = Math.min(maxLength, pieces.size() + 1);
    int[] out = new int[length];
    out[0] = START_ID;
    for (int i = 0; i < pieces.size(); i++) {
      Integer id = ids.get(pieces.get(i));
      if (id == null) {
        unknown.add(pieces.get(i));
      }
      if (i + 1 < length) {
        out[i + 1] = id == null ? UNK_ID : id;
      }
    }
    return new Tokens(out, unknown, pieces.size() + 1 > maxLength);
  }

  /** The token strings of {@code ids} (for messages and tests). */
  public List<String> decode(int[] tokenIds) {
    List<String> out = new ArrayList<>();
    for (int id : tokenIds) {
      out.add(vocabulary.get(id));
    }
    return out;
  }

  /** Lower-cased words, single digits and single symbols; whitespace separates. */
  static List<String> split(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (Character.isLetter(c)) {
        int start = i;
        while (i < s.length()
            && (Character.isLetter(s.codePointAt(i))
                || (s.charAt(i) == '\''
                    && i + 1 < s.length()
                    && Character.isLetter(s.codePointAt(i + 1))))) {
          i += Character.charCount(s.codePointAt(i));
        }
        out.add(s.substring(start, i));
      } else {
        if (!Character.isWhitespace(c) && !Character.isISOControl(c)) {
          out.add(new String(Character.toChars(c)));
        }
        i += Character.charCount(c);
      }
    }
    return out;
  }
}
