package dev.swarmwatch.dashboards.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTest {
    @Test
    void numbersInNamesCompareByValue() {
        List<String> names = new ArrayList<>(List.of("web-10", "web-2", "Web-1", "api", "web-02b", "web-2a", "db", "web-100000000000000000001"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("api", "db", "Web-1", "web-2", "web-2a", "web-02b", "web-10", "web-100000000000000000001");
    }
}
