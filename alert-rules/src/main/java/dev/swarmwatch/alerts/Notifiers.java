package dev.swarmwatch.alerts;

import dev.swarmwatch.alerts.alertmanager.AlertmanagerKind;
import dev.swarmwatch.alerts.slack.SlackKind;
import dev.swarmwatch.alerts.notify.NotifierKind;
import dev.swarmwatch.alerts.webhook.WebhookKind;

import java.util.List;

/** The receiver kinds swarmwatch ships: a new kind is one class and one line here. */
public final class Notifiers {
    private Notifiers() {
    }

    public static List<NotifierKind> all() {
        return List.of(
                new SlackKind(),
                new WebhookKind(),
                new AlertmanagerKind());
    }
}
