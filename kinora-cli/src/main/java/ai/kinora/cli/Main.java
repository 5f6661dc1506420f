package ai.kinora.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kinora} command: dispatches to subcommands and turns errors into one clear line. */
@Command(
    name = "kinora",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Kinora: text-to-video on the JVM.%n",
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./kinora generate \"a small red circle moves to the right on a gray background\" -o out.mp4",
      "  ./kinora world \"a small red circle moves to the right on a gray background\" -o c.mp4",
      "  ./kinora world \"a big crimson ball bounces on a starry night\" --size 1280x720 -o b.webm",
      "  ./kinora world dataset --count 1000 -o data/world",
      "  ./kinora score c.mp4 --prompt \"a small red circle moves to the right\"",
      "  ./kinora score --suite suite.jsonl",
      "  ./kinora bench render",
      "  ./kinora train vae --steps 12000 --out runs/vae",
      "  ./kinora train dit --steps 20000 --out runs/dit",
      "  ./kinora vae eval",
      "  ./kinora vae roundtrip clip.mp4 -o clip-vae.mp4",
      "  ./kinora bench vae",
      "  ./kinora test            (runs the whole test suite)",
      "",
      "Set KINORA_DEBUG=1 to see stack traces."
    })
public final class Main implements Runnable {

  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          GenerateCommand.class,
          StillCommands.Image.class,
          StillCommands.Animate.class,
          VideoPromptCommands.Extend.class,
          VideoPromptCommands.Connect.class,
          VideoPromptCommands.Loop.class,
          VideoPromptCommands.Edit.class,
          StoryboardCommand.class,
          WorldCommand.class,
          ScoreCommand.class,
          ProvenanceCommand.class,
          BenchCommand.class,
          TrainCommand.class,
          VaeCommand.class,
          CommandLine.HelpCommand.class);

  public static void main(String[] args) {
    // Torch uses every processor this JVM may use for one operation unless told otherwise (the
    // launcher passes KINORA_THREADS); its own default counts physical cores only.
    if (System.getProperty(TORCH_THREADS) == null) {
      System.setProperty(
          TORCH_THREADS, Integer.toString(Runtime.getRuntime().availableProcessors()));
    }
    System.exit(commandLine(args).execute(args));
  }

  private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

  /** The command line with every subcommand, also used by tests. */
  static CommandLine commandLine() {
    return configured(COMMANDS);
  }

  /**
   * The command line for {@code args}: with only the subcommand they start with, when that is one
   * (other than help), else with all. picocli builds a model of every subcommand it is given, by
   * reflection, and all of them cost about 0.1 s of each start, a part of every generation's time.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        if (command != CommandLine.HelpCommand.class
            && command.getAnnotation(Command.class).name().equals(args[0])) {
          return configured(List.of(command));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine configured(List<Class<?>> commands) {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> command : commands) {
      cli.addSubcommand(command);
    }
    cli.setUsageHelpWidth(110);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (System.getenv("KINORA_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          err.println("kinora: " + describe(ex));
          err.flush();
          return 1;
        });
    return cli;
  }

  /** The message of the deepest cause that has one: the problem in the user's words. */
  static String describe(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null
        && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }

  /** Reports the version from the jar manifest when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"kinora " + (v == null ? "development build" : v)};
    }
  }
}
