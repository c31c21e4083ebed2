package dev.wpuscope.catalog.pe;

/** The outcome of one offline check of a signature, with a sentence saying what was found. */
public record Check(Outcome outcome, String detail) {

    public enum Outcome { PASSED, FAILED, NOT_CHECKED }

    static Check passed(String detail) {
        return new Check(Outcome.PASSED, detail);
    }

    static Check failed(String detail) {
        return new Check(Outcome.FAILED, detail);
    }

    static Check notChecked(String detail) {
        return new Check(Outcome.NOT_CHECKED, detail);
    }
}
