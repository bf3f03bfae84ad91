package dev.pitfall.lint;

/** How serious a finding is; maps to SARIF levels error, warning and note. */
public enum Severity {
    ERROR, WARNING, NOTE
}
