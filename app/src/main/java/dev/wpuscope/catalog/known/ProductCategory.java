package dev.wpuscope.catalog.known;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of product behind an LSP, as its source describes it. This is not the LSP_* category a provider
 * registers with Windows (that one only the live catalog knows).
 */
public enum ProductCategory {
    PROXY("proxy", "proxy"),
    VPN("vpn", "VPN"),
    FIREWALL("firewall", "firewall"),
    CONTENT_FILTER("content-filter", "content filter"),
    TRAFFIC_SHAPER("traffic-shaper", "traffic shaper"),
    ACCELERATOR("accelerator", "accelerator"),
    ENCRYPTION("encryption", "encryption"),
    MONITORING("monitoring", "monitoring"),
    OTHER("other", "other");

    private final String key;
    private final String label;

    ProductCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<ProductCategory> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    static String keys() {
        return String.join(", ", Arrays.stream(values()).map(c -> c.key).toList());
    }
}
