/**
 * The steps {@code run} starts, in order: the embedded Kafka, the cluster's topics and ACLs, the
 * schema registry, the instance (pipeline, metrics, HTTP API) and the demo feed. Uses {@code
 * security}, {@code streams}, {@code http} and {@code metrics}.
 */
package cn.gxq.subsidy.app.start;
