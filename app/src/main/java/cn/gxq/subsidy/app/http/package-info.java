/**
 * The HTTP API and the dashboard's feeds: queries of this and other instances' stores, live events,
 * what-if results. Uses {@code streams}.
 */
package cn.gxq.subsidy.app.http;
