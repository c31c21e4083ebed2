package dev.wpuscope.ui;

import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.WindowMatchers.isShowing;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WpuscopeAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WpuscopeApp().start(stage);
    }

    @Test
    void mainWindowShows() {
        verifyThat(stage, isShowing());
    }
}
