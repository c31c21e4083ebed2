package dev.wpuscope.catalog.model;

/**
 * One {@code AppId_Catalog} rule: which LSP categories an application accepts.
 *
 * @param key                    the subkey name (a hash of the path), as stored
 * @param appFullPath            the application's full path
 * @param permittedLspCategories LSP_* category bits the application permits, {@code null} when absent
 */
public record AppIdRule(String key, String appFullPath, Integer permittedLspCategories) {
}
