package dev.wpuscope.ui.tracerview;

import dev.wpuscope.tracer.InstallPlan;
import dev.wpuscope.ui.Dialogs;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Choice;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Kind;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.LspChoice;
import dev.wpuscope.ui.tracerview.TracerPlanViewModel.Result;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Choose which entries the tracer covers and read the exact plan, re-planned on every change. Offline it only
 * shows the plan; for the live catalog its Install button gives back the plan the user confirmed.
 */
public final class TracerPlanDialog extends Dialog<InstallPlan> {

    /** The install button, present only when the dialog confirms an install. */
    public static final ButtonType INSTALL = new ButtonType("Install as shown", ButtonBar.ButtonData.OK_DONE);

    private final TracerPlanViewModel model;
    private final ComboBox<Kind> kind = new ComboBox<>();
    private final TextField value = new TextField();
    private final ComboBox<LspChoice> lsp = new ComboBox<>();
    private final Label hint = new Label();
    private final Label verdict = new Label();
    private final TextArea planText = new TextArea();
    private Result result;

    public TracerPlanDialog(Window owner, TracerPlanViewModel model, Choice initial, boolean confirmInstall) {
        this.model = model;
        initOwner(owner);
        setTitle("wpuscope");
        setHeaderText(confirmInstall ? "Install the tracer on this machine's live catalog"
                : "Plan: attach the tracer (changes nothing)");
        setResizable(true);
        Dialogs.style(owner, getDialogPane());
        getDialogPane().getStyleClass().add("tracer-plan");
        getDialogPane().setContent(content());
        getDialogPane().getButtonTypes().setAll(confirmInstall ? new ButtonType[] {INSTALL, ButtonType.CANCEL}
                : new ButtonType[] {ButtonType.CLOSE});
        setResultConverter(button -> button == INSTALL && result instanceof Result.Planned planned
                ? planned.plan() : null);
        kind.getItems().setAll(Kind.values());
        lsp.getItems().setAll(model.lsps());
        kind.setValue(initial.kind());
        value.setText(initial.value());
        lsp.getItems().stream().filter(choice -> choice.providerId().toString().equalsIgnoreCase(initial.value()))
                .findFirst().ifPresent(lsp::setValue);
        kind.valueProperty().addListener((obs, old, now) -> {
            value.clear();
            lsp.setValue(null);
            replan();
        });
        value.textProperty().addListener((obs, old, now) -> replan());
        lsp.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                value.setText(chosen.providerId().toString());
            }
        });
        replan();
    }

    private Node content() {
        kind.setId("selectionKind");
        value.setId("selectionValue");
        lsp.setId("lspChoice");
        verdict.setId("planVerdict");
        planText.setId("planText");
        lsp.setPromptText("choose an LSP");
        HBox.setHgrow(value, Priority.ALWAYS);
        Label trace = new Label("Trace:");
        trace.setMinWidth(Label.USE_PREF_SIZE);
        HBox.setHgrow(lsp, Priority.ALWAYS);
        lsp.setMaxWidth(Double.MAX_VALUE);
        HBox choice = new HBox(8, trace, kind, value, lsp);
        choice.setAlignment(Pos.BASELINE_LEFT);
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        verdict.setWrapText(true);
        planText.setEditable(false);
        planText.getStyleClass().add("plan-text");
        VBox.setVgrow(planText, Priority.ALWAYS);
        Label source = new Label("Catalog: " + model.snapshot().location() + " (" + model.snapshot().kind().label()
                + ")");
        VBox box = new VBox(8, source, choice, hint, verdict, planText);
        box.setPadding(new Insets(4, 12, 0, 12));
        box.setPrefSize(1180, 680);
        return box;
    }

    private void replan() {
        Kind chosen = kind.getValue();
        boolean typed = chosen != Kind.ALL && chosen != Kind.LSP;
        value.setVisible(typed);
        value.setManaged(typed);
        lsp.setVisible(chosen == Kind.LSP);
        lsp.setManaged(chosen == Kind.LSP);
        hint.setText(hintFor(chosen));
        result = model.plan(new Choice(chosen, value.getText()));
        verdict.getStyleClass().removeAll("plan-ok", "plan-refused");
        if (result instanceof Result.Planned planned) {
            int chains = planned.plan().chainCount();
            verdict.setText("Safe plan: " + chains + (chains == 1 ? " new protocol chain" : " new protocol chains")
                    + " over the chosen entries, plus the tracer's hidden layered entry. Nothing is changed until"
                    + " you install.");
            verdict.getStyleClass().add("plan-ok");
            planText.setText(planned.text());
        } else if (result instanceof Result.Refused refused) {
            verdict.setText("Refused: wpuscope will not make this change, because:");
            verdict.getStyleClass().add("plan-refused");
            planText.setText("• " + String.join("\n• ", refused.reasons()) + "\n");
        } else {
            verdict.setText(((Result.Invalid) result).message());
            planText.clear();
        }
        Node install = getDialogPane().lookupButton(INSTALL);
        if (install != null) {
            install.setDisable(!(result instanceof Result.Planned));
        }
    }

    private static String hintFor(Kind kind) {
        return switch (kind) {
            case ALL -> "Every visible base provider and protocol chain, in the 64-bit and the 32-bit catalog.";
            case FAMILY -> "Address family number: 2 = IPv4 (AF_INET), 23 = IPv6 (AF_INET6).";
            case PROTOCOL -> "Protocol number: 6 = TCP, 17 = UDP.";
            case LSP -> "The protocol chains of one layered service provider (LSP) of this catalog.";
            case ENTRIES -> "Catalog ids of base providers or chains, separated by commas (pre-filled from the"
                    + " catalog view's selection).";
        };
    }

    /** What the planner said last (for tests). */
    Result result() {
        return result;
    }
}
