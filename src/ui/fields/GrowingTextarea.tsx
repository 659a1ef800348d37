import { makeStyles, Textarea, type TextareaProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  // The whole text stays in view as it grows (a goal or an effort read aloud from a 320 px side panel), up to a
  // limit, then it scrolls. Where the browser cannot size a field by its content, it keeps Fluent's height.
  grow: { fieldSizing: 'content', maxHeight: '40vh' },
});

/** Fluent's Textarea that grows with its text (and can still be resized by hand). */
export const GrowingTextarea = (props: Omit<TextareaProps, 'textarea'>) => {
  const styles = useStyles();
  return <Textarea resize="vertical" {...props} textarea={{ className: styles.grow }} />;
};
