/**
 * A study's event stream: events written by database triggers (V7) in the transaction of each change, numbered
 * by one sequencer at a time, and pushed to subscribers by one shared poller per replica.
 */
package dev.hpo.events;
