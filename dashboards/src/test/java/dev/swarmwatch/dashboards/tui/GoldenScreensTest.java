package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.dashboards.fixtures.Scenes;
import dev.swarmwatch.dashboards.fixtures.Swarms;
import dev.swarmwatch.dashboards.view.DashModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/** Whole screens at 80x24 and 200x50 (and 250x70 for the busiest), compared with the golden files: a layout change shows as a readable diff. */
class GoldenScreensTest {
    private static final UiState TABLE = UiState.initial();

    private static void check(String scene, DashModel model, UiState state, int columns, int rows) {
        Golden.assertScreen(scene + "-" + columns + "x" + rows,
                Golden.draw(model, state, columns, rows, Swarms.NOW, Palette.colour()));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void healthySwarmShowsEveryServiceGreenWithQuorumAndTargets(int columns, int rows) {
        check("healthy", Scenes.healthy(), TABLE, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50", "250,70"})
    void degradedSwarmListsProblemsFirstWithTheirEvents(int columns, int rows) {
        check("degraded", Scenes.degraded(), TABLE, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50", "250,70"})
    void firingAlertsComeFirstInTheChecksPanelWithWhatTheyMuteAndACountInTheHeader(int columns, int rows) {
        check("alerts", Scenes.alerting(), TABLE, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void lostQuorumSaysSoInTheHeaderAndEventLine(int columns, int rows) {
        check("lost-quorum", Scenes.lostQuorum(), TABLE, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void longListScrollsToKeepTheSelectionVisible(int columns, int rows) {
        DashModel model = Scenes.many(150);
        List<Row> rowsShown = Table.rows(model, TABLE);
        UiState state = TABLE;
        for (int i = 0; i < 60; i++) {
            state = Keys.apply(state, Key.of(Key.Kind.DOWN), rowsShown, Layout.tableHeight(model, rows), 0).state();
        }
        check("long-list", model, state, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void enterOnAServiceShowsItsChecksTasksAndTransitions(int columns, int rows) {
        DashModel model = Scenes.degraded();
        List<Row> shown = Table.rows(model, TABLE);
        UiState state = Keys.apply(TABLE, Key.of(Key.Kind.ENTER), shown, 10, 0).state();
        check("drill-service", model, state, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void enterOnANodeRowShowsItsTasks(int columns, int rows) {
        DashModel model = Scenes.degraded();
        List<Row> shown = Table.rows(model, TABLE);
        UiState state = TABLE.select(shown.size() - 1);
        state = Keys.apply(state, Key.of(Key.Kind.ENTER), shown, 10, 0).state();
        check("drill-node", model, state, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void questionMarkShowsTheHelpOverlay(int columns, int rows) {
        check("help", Scenes.healthy(), Keys.apply(TABLE, Key.typed('?'), List.of(), 10, 0).state(), columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void filterWhileTypingNarrowsTheTable(int columns, int rows) {
        UiState state = TABLE;
        for (Key k : List.of(Key.typed('/'), Key.typed('w'), Key.typed('o'), Key.typed('r'))) {
            state = Keys.apply(state, k, List.of(), 10, 0).state();
        }
        check("filter", Scenes.degraded(), state, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void sortByNameIsMarkedInTheColumnLine(int columns, int rows) {
        UiState state = Keys.apply(Keys.apply(TABLE, Key.typed('s'), List.of(), 10, 0).state(), Key.typed('s'), List.of(), 10, 0).state();
        check("sort-name", Scenes.degraded(), state, columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void faultsOnlyHidesHealthyRows(int columns, int rows) {
        check("faults-only", Scenes.degraded(), Keys.apply(TABLE, Key.typed('f'), List.of(), 10, 0).state(), columns, rows);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "200,50"})
    void noColorDrawsTheSameTextWithoutColours(int columns, int rows) {
        Golden.assertScreen("no-color-" + columns + "x" + rows,
                Golden.draw(Scenes.degraded(), TABLE, columns, rows, Swarms.NOW, Palette.monochrome()));
    }
}
