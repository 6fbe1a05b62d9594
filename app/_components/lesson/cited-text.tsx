import { textWithCitations } from '@/lib/handouts/content';
import { Cite } from './cite';

/** A line of content text whose `<Cite id>` marks become inline citations. */
export function CitedText({ text }: { text: string }) {
  return <>{textWithCitations(text).map((part, i) => ('cite' in part ? <Cite key={i} id={part.cite} /> : <span key={i}>{part.text}</span>))}</>;
}
