package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.dashboards.fixtures.Scenes;
import dev.swarmwatch.dashboards.view.DashModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {
    private final DashModel model = Scenes.degraded();

    private Keys.Outcome press(UiState s, Key... keys) {
        Keys.Outcome out = new Keys.Outcome(s, Keys.Action.NONE);
        for (Key k : keys) {
            out = Keys.apply(out.state(), k, Table.rows(model, out.state()), 4, 30);
        }
        return out;
    }

    @Test
    void filterNarrowsAsYouTypeEnterKeepsItEscClearsIt() {
        UiState typing = press(UiState.initial(), Key.typed('/'), Key.typed('w'), Key.typed('e')).state();
        assertThat(typing.editingFilter()).isTrue();
        assertThat(Table.rows(model, typing)).extracting(Row::name).containsExactly("web");
        UiState kept = press(typing, Key.of(Key.Kind.ENTER)).state();
        assertThat(kept.editingFilter()).isFalse();
        assertThat(kept.filter()).isEqualTo("we");
        UiState backspaced = press(typing, Key.of(Key.Kind.BACKSPACE)).state();
        assertThat(Table.rows(model, backspaced)).extracting(Row::name).contains("web", "worker-2", "worker-10");
        assertThat(press(typing, Key.of(Key.Kind.ESCAPE)).state().filter()).isEmpty();
        assertThat(press(kept, Key.of(Key.Kind.ESCAPE)).state().filter()).isEmpty();
    }

    @Test
    void filterMatchesEveryColumnIncludingTheStatusWord() {
        UiState crit = press(UiState.initial(), Key.typed('/'), Key.typed('c'), Key.typed('r'), Key.typed('i'), Key.typed('t')).state();
        assertThat(Table.rows(model, crit)).extracting(Row::name).containsExactly("api");
        UiState byNode = press(UiState.initial(), Key.typed('/'), Key.typed('l'), Key.typed('e'), Key.typed('a'), Key.typed('d')).state();
        assertThat(Table.rows(model, byNode)).extracting(Row::name).containsExactly("node3");
    }

    @Test
    void qAndCtrlCQuitAndCtrlCQuitsEvenWhileTypingAFilter() {
        assertThat(press(UiState.initial(), Key.typed('q')).action()).isEqualTo(Keys.Action.QUIT);
        assertThat(press(UiState.initial(), Key.of(Key.Kind.INTERRUPT)).action()).isEqualTo(Keys.Action.QUIT);
        UiState typing = press(UiState.initial(), Key.typed('/')).state();
        assertThat(press(typing, Key.typed('q')).action()).isEqualTo(Keys.Action.NONE);
        assertThat(press(typing, Key.of(Key.Kind.INTERRUPT)).action()).isEqualTo(Keys.Action.QUIT);
    }

    @Test
    void selectionMovesByRowAndPageAndStaysInsideTheTable() {
        int rows = Table.rows(model, UiState.initial()).size();
        assertThat(press(UiState.initial(), Key.of(Key.Kind.UP)).state().selected()).isZero();
        assertThat(press(UiState.initial(), Key.typed('j'), Key.typed('j'), Key.typed('k')).state().selected()).isEqualTo(1);
        UiState end = press(UiState.initial(), Key.of(Key.Kind.END)).state();
        assertThat(end.selected()).isEqualTo(rows - 1);
        assertThat(end.top()).isEqualTo(rows - 4);
        assertThat(press(end, Key.of(Key.Kind.PAGE_DOWN)).state().selected()).isEqualTo(rows - 1);
        assertThat(press(end, Key.of(Key.Kind.PAGE_UP)).state().selected()).isEqualTo(rows - 5);
        assertThat(press(end, Key.of(Key.Kind.HOME)).state()).extracting(UiState::selected, UiState::top).containsExactly(0, 0);
    }

    @Test
    void enterDrillsIntoTheSelectedRowAndEscGoesBack() {
        UiState drilled = press(UiState.initial(), Key.typed('j'), Key.of(Key.Kind.ENTER)).state();
        assertThat(drilled.drill()).isEqualTo(Table.rows(model, UiState.initial()).get(1).key());
        UiState scrolled = press(drilled, Key.of(Key.Kind.PAGE_DOWN)).state();
        assertThat(scrolled.drillTop()).isEqualTo(4);
        assertThat(press(scrolled, Key.of(Key.Kind.ESCAPE)).state().drill()).isEmpty();
    }

    @Test
    void sortCyclesThroughTheColumnsAndFaultsOnlyToggles() {
        UiState s = UiState.initial();
        for (SortColumn expected : List.of(SortColumn.STACK, SortColumn.NAME, SortColumn.REPLICAS, SortColumn.FAILED,
                SortColumn.LATENCY, SortColumn.SCORE, SortColumn.STATUS)) {
            s = press(s, Key.typed('s')).state();
            assertThat(s.sort()).isEqualTo(expected);
        }
        UiState faults = press(UiState.initial(), Key.typed('f')).state();
        assertThat(Table.rows(model, faults)).extracting(Row::name).containsExactly("api", "worker-2", "web");
        assertThat(press(faults, Key.typed('f')).state().faultsOnly()).isFalse();
    }

    @Test
    void refreshPauseAndHelpAreActionsOrOverlays() {
        assertThat(press(UiState.initial(), Key.typed('r')).action()).isEqualTo(Keys.Action.REFRESH);
        Keys.Outcome paused = press(UiState.initial(), Key.typed('p'));
        assertThat(paused.action()).isEqualTo(Keys.Action.PAUSE_CHANGED);
        assertThat(paused.state().paused()).isTrue();
        UiState help = press(UiState.initial(), Key.typed('?')).state();
        assertThat(help.help()).isTrue();
        assertThat(press(help, Key.of(Key.Kind.DOWN)).state()).isEqualTo(help);
        assertThat(press(help, Key.of(Key.Kind.ESCAPE)).state().help()).isFalse();
    }
}
