/**
 * The assembly's report to the City Council: what each session recommended, where each
 * recommendation came from, how the tables and the plenary voted on it, what members said for
 * and against it, and the Council's answer.
 *
 * <p>{@link org.tingsted.server.report.Reports#build} is a pure function from the sessions'
 * boards (a {@link org.tingsted.server.report.ReportInput}) to a
 * {@link org.tingsted.server.report.Report}; the same class renders that report as CSV, Markdown
 * and a printable HTML page. For JSON the caller serialises the {@code Report} record with
 * Jackson: every record here has plain components (strings, numbers, enums, lists, nested
 * records) and marks what is absent with null.
 *
 * <p>Members are anonymous in the report: no author of a proposal or comment is named, and no
 * ballot is shown, only counts. Nothing a facilitator hid is shown.
 *
 * <p>Plain Java, like the deliberation model it reads: no Vert.x, Hazelcast, Jackson or I/O.
 */
package org.tingsted.server.report;
