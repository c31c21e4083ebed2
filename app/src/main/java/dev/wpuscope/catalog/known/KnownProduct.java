package dev.wpuscope.catalog.known;

import java.util.List;
import java.util.Locale;

/**
 * One product that installs a layered service provider, as the knowledge base states it; every fact carries
 * the public page that states it.
 *
 * @param id            stable identifier, e.g. {@code lavasoft-web-companion}
 * @param vendor        who makes it, as the source names it
 * @param product       the product's name
 * @param description   what it does, as the source describes it
 * @param category      the kind of product (not the LSP_* category bits Windows stores)
 * @param aboutSource   the page that states vendor, product and what it does
 * @param dlls          the provider DLL file names it installs
 * @param guids         provider GUIDs of its catalog entries
 * @param protocolNames names of its layered entry (szProtocol); its chains are named "name over [...]"
 * @param breakages     what it is known to break
 */
public record KnownProduct(
        String id,
        String vendor,
        String product,
        String description,
        ProductCategory category,
        String aboutSource,
        List<KnownDll> dlls,
        List<KnownGuid> guids,
        List<KnownName> protocolNames,
        List<KnownBreakage> breakages) {

    public KnownProduct {
        dlls = List.copyOf(dlls);
        guids = List.copyOf(guids);
        protocolNames = List.copyOf(protocolNames);
        breakages = List.copyOf(breakages);
    }

    /** Each published workaround once, with its source: "Uninstall it (source: https://…)"; empty when none. */
    public List<String> workarounds() {
        return breakages.stream().filter(b -> b.workaround() != null)
                .map(b -> b.workaround() + " (source: " + b.workaroundSource() + ")").distinct().toList();
    }

    /** What to do when no source publishes a workaround. */
    public String noWorkaroundAdvice() {
        return "The sources publish no workaround for " + displayName() + "; ask its vendor, or remove the product "
                + "with its own uninstaller (it removes its catalog entries with it).";
    }

    /** "Lavasoft Web Companion"; the product alone when its name already holds the vendor's. */
    public String displayName() {
        return product.toLowerCase(Locale.ROOT).contains(vendor.toLowerCase(Locale.ROOT)) ? product
                : vendor + " " + product;
    }
}
