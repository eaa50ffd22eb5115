/**
 * The Kafka Streams application one instance runs, its settings, and reads of its local stores.
 * Uses no other room.
 */
package cn.gxq.subsidy.app.streams;
