import { Text, type TextProps } from '@fluentui/react-components';

export interface TextListProps {
  items: readonly { id: string; text: string }[];
  /** Goals are in priority order (a numbered list); challenges are not. */
  ordered?: boolean;
  /** What to say when there is nothing yet ("Ingen mål endnu"). */
  empty: string;
  emptySize: TextProps['size'];
  listClassName: string;
  itemClassName: string;
}

/** A read-only list of the referat's texts (challenges, goals), or the words for none: the summary's and the stage's. */
export const TextList = ({ items, ordered = false, empty, emptySize, listClassName, itemClassName }: TextListProps) => {
  if (items.length === 0) return <Text size={emptySize}>{empty}</Text>;
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={listClassName}>
      {items.map((item) => (
        <li key={item.id} className={itemClassName}>
          {item.text}
        </li>
      ))}
    </List>
  );
};
