/** What every workflow and activity contract shares: task queues, options, failure types. */
package io.tapeflow.workflows.common;
