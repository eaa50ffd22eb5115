/**
 * The pipeline's own meters and the budgets' gauges, for {@code /metrics}. Uses {@code streams}.
 */
package cn.gxq.subsidy.app.metrics;
