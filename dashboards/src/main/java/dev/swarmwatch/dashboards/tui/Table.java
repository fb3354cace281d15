package dev.swarmwatch.dashboards.tui;

import dev.swarmwatch.checks.spi.Status;
import dev.swarmwatch.dashboards.view.CheckView;
import dev.swarmwatch.dashboards.view.DashModel;
import dev.swarmwatch.dashboards.view.NaturalOrder;
import dev.swarmwatch.dashboards.view.NodeView;
import dev.swarmwatch.dashboards.view.ReportView;
import dev.swarmwatch.dashboards.view.ServiceView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The table's rows for a model and the operator's choices: services sorted, then nodes; filtered. Pure. */
public final class Table {
    private Table() {
    }

    public static List<Row> rows(DashModel model, UiState state) {
        if (model.report().isEmpty()) {
            return List.of();
        }
        ReportView view = model.report().get();
        List<ServiceView> services = new ArrayList<>(view.services());
        services.sort(order(state.sort()));
        List<Row> rows = new ArrayList<>();
        for (ServiceView s : services) {
            rows.add(new Row("service:" + s.key(), s.status(), s.stack(), s.name(),
                    model.facts().modes().getOrDefault(s.name(), ""), s.replicas(),
                    s.failed().isPresent() ? String.valueOf(s.failed().getAsInt()) : "",
                    s.latencyMs().isPresent() ? Math.round(s.latencyMs().getAsDouble()) + "ms" : "",
                    String.valueOf(s.score()), detail(s)));
        }
        for (NodeView n : model.facts().nodes()) {
            rows.add(new Row("node:" + n.id(), n.status(), "(node)", n.hostname(), n.role(),
                    String.valueOf(n.running()), "", "", "",
                    n.state() + (n.availability().equals("active") ? "" : ", " + n.availability())));
        }
        return rows.stream()
                .filter(r -> !state.faultsOnly() || r.status() != Status.OK)
                .filter(r -> r.matches(state.filter()))
                .toList();
    }

    private static String detail(ServiceView s) {
        return s.checks().stream().filter(c -> c.status() != Status.OK).findFirst()
                .map(c -> c.kind() + ": " + c.summary())
                .orElse(s.checks().stream().filter(c -> c.kind().equals("replicas")).findFirst()
                        .or(() -> s.checks().stream().findFirst()).map(CheckView::summary).orElse(""));
    }

    static Comparator<ServiceView> order(SortColumn column) {
        Comparator<ServiceView> byName = Comparator.comparing(ServiceView::name, NaturalOrder.INSTANCE)
                .thenComparing(ServiceView::stack, NaturalOrder.INSTANCE);
        return switch (column) {
            case STATUS -> ReportView.SERVICE_ORDER;
            case NAME -> byName;
            case STACK -> Comparator.comparing(ServiceView::stack, NaturalOrder.INSTANCE).thenComparing(byName);
            case REPLICAS -> Comparator.comparingDouble(Table::share).thenComparing(byName);
            case FAILED -> Comparator.comparingInt((ServiceView s) -> -s.failed().orElse(0)).thenComparing(byName);
            case LATENCY -> Comparator.comparingDouble((ServiceView s) -> -s.latencyMs().orElse(-1)).thenComparing(byName);
            case SCORE -> Comparator.comparingInt(ServiceView::score).thenComparing(byName);
        };
    }

    // Running share of desired, lowest first; services without the check last.
    private static double share(ServiceView s) {
        if (s.running().isEmpty() || s.desired().isEmpty()) {
            return 2;
        }
        return s.desired().getAsInt() == 0 ? 1 : (double) s.running().getAsInt() / s.desired().getAsInt();
    }

    static String label(SortColumn c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
