/**
 * Two WildFly nodes on one database: spending a key's limit or a developer's credit exactly, with calls taking turns
 * between the nodes; a node killed mid-load (its lease returns and the other node spends the rest); catalog changes
 * and key revocations seen by the other node within 2 s. The runner starts the second node (scripts/second-node.sh).
 */
package dev.marketplace.systemtests.cluster;
