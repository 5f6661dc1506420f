package ai.kinora.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The named, ordered store of a model's tensors ("encoder.down.0.conv.weight"), owned by one
 * long-lived {@link NDManager}: trainable parameters, plus non-trainable state such as AdamW's
 * moments and EMA copies, all saved to and loaded from one safetensors file.
 *
 * <p>Loading is all-or-nothing: every name, shape and dtype is checked against the file's header
 * before any tensor is overwritten, and tensors are overwritten in place, so layers keep their
 * references.
 */
public final class Parameters implements AutoCloseable {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
  private static final int MAX_REPORTED_PROBLEMS = 5;

  private final NDManager manager;
  private final DataType dataType;
  private final boolean placeholders;
  private final SequencedMap<String, NDArray> tensors = new LinkedHashMap<>();
  private final Set<String> trainable = new LinkedHashSet<>();
  private Step openStep;

  /**
   * A store whose manager is a sub-manager of {@code parent}; trainable parameters get {@code
   * dataType} (fp32 for training on CPU, see docs/nn-notes.md; fp64 for gradient checks).
   */
  public Parameters(NDManager parent, DataType dataType) {
    this(parent, dataType, false);
  }

  /**
   * A store for a model that is about to be loaded whole from a file: its tensors are allocated but
   * not drawn from their initialisers (random draws for millions of weights are a noticeable part
   * of a generation's start-up), and {@link #load} then requires every one of them.
   */
  public static Parameters forLoading(NDManager parent, DataType dataType) {
    return new Parameters(parent, dataType, true);
  }

  private Parameters(NDManager parent, DataType dataType, boolean placeholders) {
    if (dataType != DataType.FLOAT32
        && dataType != DataType.FLOAT16
        && dataType != DataType.FLOAT64) {
      // BF16 arrays created through DJL abort the JVM, so it is refused here.
      throw new IllegalArgumentException(
          "parameters are FLOAT32, FLOAT16 or FLOAT64, got " + dataType);
    }
    this.manager = parent.newSubManager();
    this.dataType = dataType;
    this.placeholders = placeholders;
  }

  /**
   * Whether this store was made {@link #forLoading}: its tensors have no values until it loads, so
   * a layer need not re-initialise them.
   */
  public boolean placeholders() {
    return placeholders;
  }

  /** The root of the naming hierarchy; layers take a {@link Namespace} below it. */
  public Namespace root() {
    return new Namespace(this, "");
  }

  public DataType dataType() {
    return dataType;
  }

  /** The long-lived manager that owns every tensor of the store. */
  public NDManager manager() {
    return manager;
  }

  /** Registers a trainable parameter of the store's dtype, drawn from {@code init}. */
  public NDArray create(String name, Shape shape, Init init) {
    NDArray array = register(name, allocate(shape, dataType, init));
    array.setRequiresGradient(true);
    trainable.add(name);
    return array;
  }

  /** Registers non-trainable state (optimizer moments, EMA weights, counters). */
  public NDArray createState(String name, Shape shape, DataType type, Init init) {
    return register(name, allocate(shape, type, init));
  }

  private NDArray allocate(Shape shape, DataType type, Init init) {
    return placeholders ? manager.create(shape, type) : init.create(manager, shape, type);
  }

  private NDArray register(String name, NDArray array) {
    if (!NAME.matcher(name).matches()) {
      array.close();
      throw new IllegalArgumentException(
          "tensor names are dot-separated [A-Za-z0-9_] segments, got \"" + name + "\"");
    }
    if (tensors.containsKey(name)) {
      array.close();
      throw new IllegalArgumentException("tensor \"" + name + "\" is already registered");
    }
    if (openStep != null) {
      array.close();
      throw new IllegalStateException("cannot register \"" + name + "\" while a step is open");
    }
    array.setName(name);
    tensors.put(name, array);
    return array;
  }

  public NDArray get(String name) {
    NDArray array = tensors.get(name);
    if (array == null) {
      throw new IllegalArgumentException("no tensor named \"" + name + "\"");
    }
    return array;
  }

  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  /** Every registered name, in registration order. */
  public List<String> names() {
    return List.copyOf(tensors.keySet());
  }

  /** The trainable parameters' names, in registration order. */
  public List<String> trainableNames() {
    return List.copyOf(trainable);
  }

  /**
   * Stops training the parameters whose names pass {@code which}: they keep their values but get no
   * gradients (so no backward pass runs through layers only they feed), and optimizers and EMAs
   * created afterwards leave them alone. Returns how many were frozen.
   */
  public int freeze(Predicate<String> which) {
    if (openStep != null) {
      throw new IllegalStateException("cannot freeze parameters while a step is open");
    }
    int frozen = 0;
    for (String name : List.copyOf(trainable)) {
      if (which.test(name)) {
        tensors.get(name).setRequiresGradient(false);
        trainable.remove(name);
        frozen++;
      }
    }
    return frozen;
  }

  /** Number of trainable scalars. */
  public long trainableCount() {
    long n = 0;
    for (String name : trainable) {
      n += tensors.get(name).size();
    }
    return n;
  }

  /** Saves every tensor, atomically. */
  public void save(Path file) throws IOException {
    save(file, name -> true);
  }

  /** Saves the tensors whose names pass {@code include}, atomically. */
  public void save(Path file, Predicate<String> include) throws IOException {
    save(file, include, false);
  }

  /**
   * Saves the tensors whose names pass {@code include}, atomically; with {@code half}, F32 tensors
   * are stored as F16 (for inference-only model folders: half the size; {@link #load} widens them
   * back).
   */
  public void save(Path file, Predicate<String> include, boolean half) throws IOException {
    SequencedMap<String, NDArray> chosen = new LinkedHashMap<>();
    tensors.forEach(
        (name, array) -> {
          if (include.test(name)) {
            chosen.put(name, array);
          }
        });
    SafeTensors.write(file, chosen, half);
  }

  /**
   * Loads every registered tensor; the file must hold exactly the registered names, each in the
   * parameter's dtype or, for F32 parameters, in F16 or BF16 (widened exactly).
   */
  public void load(Path file) throws IOException {
    load(file, name -> false);
  }

  /**
   * Loads every registered tensor; names in the file that are not registered are an error unless
   * {@code ignoreUnexpected} accepts them (e.g. {@code n -> n.startsWith("adam.")} to load a
   * training checkpoint for inference).
   */
  public void load(Path file, Predicate<String> ignoreUnexpected) throws IOException {
    load(file, ignoreUnexpected, name -> false);
  }

  /**
   * As {@link #load(Path, Predicate)}, and registered tensors that the file lacks are an error
   * unless {@code keepIfMissing} accepts them; those keep their current values (a layer added to a
   * trained model, initialised so that it changes nothing). A store made {@link #forLoading} keeps
   * nothing: its tensors have no values yet.
   */
  public void load(Path file, Predicate<String> ignoreUnexpected, Predicate<String> keepIfMissing)
      throws IOException {
    if (openStep != null) {
      throw new IllegalStateException("cannot load parameters while a step is open");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      SafeTensors.Header header = SafeTensors.readHeader(channel, file);
      List<String> problems = new ArrayList<>();
      tensors.forEach(
          (name, array) -> {
            SafeTensors.Entry entry = header.entries().get(name);
            if (entry == null) {
              if (placeholders || !keepIfMissing.test(name)) {
                problems.add("missing tensor \"" + name + "\"");
              }
            } else if (!entry.shape().equals(array.getShape())) {
              problems.add(
                  "shape mismatch for \""
                      + name
                      + "\": expected "
                      + array.getShape()
                      + " got "
                      + entry.shape());
            } else if (!entry.dtype().equals(SafeTensors.dtypeName(array.getDataType()))
                && !SafeTensors.widens(entry.dtype(), array.getDataType())) {
              problems.add(
                  "dtype mismatch for \""
                      + name
                      + "\": expected "
                      + SafeTensors.dtypeName(array.getDataType())
                      + " got "
                      + entry.dtype());
            }
          });
      for (String name : header.entries().keySet()) {
        if (!tensors.containsKey(name) && !ignoreUnexpected.test(name)) {
          problems.add("unexpected tensor \"" + name + "\"");
        }
      }
      if (!problems.isEmpty()) {
        throw new CheckpointException(file + ": " + summarize(problems));
      }
      for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
        SafeTensors.Entry entry = header.entries().get(e.getKey());
        if (entry == null) {
          continue; // kept, as keepIfMissing allowed
        }
        SafeTensors.readInto(channel, header, entry, e.getValue(), file);
      }
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": no such file", e);
    }
  }

  private static String summarize(List<String> problems) {
    List<String> shown = problems.subList(0, Math.min(problems.size(), MAX_REPORTED_PROBLEMS));
    String text = String.join("; ", shown);
    int more = problems.size() - shown.size();
    return more > 0 ? text + "; and " + more + " more" : text;
  }

  /** Lends every tensor to a step's manager until that manager closes. */
  void lendTo(Step step, NDManager stepManager) {
    if (openStep != null) {
      throw new IllegalStateException("a step is already open on these parameters");
    }
    openStep = step;
    for (NDArray array : tensors.values()) {
      array.tempAttach(stepManager);
    }
  }

  void returned(Step step) {
    if (openStep == step) {
      openStep = null;
    }
  }

  /** True while a step borrows the tensors; updates to state must happen inside one. */
  public boolean inStep() {
    return openStep != null;
  }

  Map<String, NDArray> view() {
    return Collections.unmodifiableMap(tensors);
  }

  @Override
  public void close() {
    manager.close();
  }
}
