/**
 * The command line behind {@code bin/subsidy}: {@link cn.gxq.subsidy.app.SubsidyCli} and its
 * subcommands. Uses {@code command} only.
 */
package cn.gxq.subsidy.app;
