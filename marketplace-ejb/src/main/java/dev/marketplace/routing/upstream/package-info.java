/**
 * The upstream plug-in point: an UpstreamAdapterFactory per wire protocol, found through CDI by its id, makes an
 * UpstreamAdapter bound to one endpoint. The router never branches on a provider.
 */
package dev.marketplace.routing.upstream;
