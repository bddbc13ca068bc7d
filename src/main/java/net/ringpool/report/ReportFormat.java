package net.ringpool.report;

public enum ReportFormat {
    TEXT, CSV, HTML
}
