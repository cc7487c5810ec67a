package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.tape.TapeNotice;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** A workflow standing in for a restore: it collects the notices tapes send it. */
@WorkflowInterface
public interface NoticeListener {
  @WorkflowMethod
  void listen();

  @SignalMethod(name = TapeNotice.SIGNAL)
  void tapeNotice(TapeNotice notice);

  @QueryMethod
  List<TapeNotice> notices();
}
