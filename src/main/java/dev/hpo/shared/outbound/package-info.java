/** Calls the service makes to other hosts (job-complete webhooks): which addresses they may reach. */
package dev.hpo.shared.outbound;
