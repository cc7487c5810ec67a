package io.tapeflow.workflows.testing;

import io.tapeflow.workflows.tape.TapeNotice;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

public final class NoticeListenerImpl implements NoticeListener {
  private final List<TapeNotice> notices = new ArrayList<>();

  @Override
  public void listen() {
    Workflow.await(() -> false);
  }

  @Override
  public void tapeNotice(TapeNotice notice) {
    notices.add(notice);
  }

  @Override
  public List<TapeNotice> notices() {
    return List.copyOf(notices);
  }
}
