package ai.kinora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders cleanly: no picocli format warnings, no raw %n left. */
class HelpTextTest {

  private static void collect(CommandLine cli, List<CommandLine> all) {
    all.add(cli);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (!all.contains(sub)) {
        collect(sub, all);
      }
    }
  }

  @Test
  void everyHelpTextFormatsWithoutWarnings() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Main.commandLine(), commands);
    assertTrue(commands.size() > 20, "expected every subcommand, found " + commands.size());
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (CommandLine cli : commands) {
        String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        String name = cli.getCommandSpec().qualifiedName();
        assertFalse(help.contains("%n"), name + " help has a raw %n:\n" + help);
        assertTrue(help.contains("Usage:"), name);
      }
    } finally {
      System.setErr(original);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8), "picocli warned while formatting");
  }
}
