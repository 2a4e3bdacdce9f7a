/** Unit tests of the provider API's body parsing. */
package dev.marketplace.api.provider;
