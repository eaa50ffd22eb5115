package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.programme.Catalogue;
import java.util.Iterator;

/**
 * The record kinds {@code produce --type} takes, from the programme catalogue (finance's
 * settlements included): a new programme appears in the help and the errors without anyone editing
 * a list.
 */
public final class RecordKindNames implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    return Catalogue.publishedKinds().stream().map(RecordKind::name).iterator();
  }
}
